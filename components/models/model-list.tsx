export interface ModelListItem {
  id: string;
  name: string;
  provider: string;
  simulated: boolean;
  contextLength: number | null;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
}

const contextFormat = new Intl.NumberFormat("en-US", { notation: "compact" });
const priceFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

function Unknown() {
  return (
    <span className="text-zinc-400" title="unknown">
      —
    </span>
  );
}

export function ModelList({ models }: { models: readonly ModelListItem[] }) {
  if (models.length === 0) {
    return <p className="mt-4 text-sm text-zinc-500">No models are available.</p>;
  }
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Available models</caption>
        <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Name
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              ID
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Provider
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Context
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              $/M in
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              $/M out
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-900">
          {models.map((model) => (
            <tr key={model.id}>
              <th scope="row" className="py-2 pr-4 font-medium">
                {model.name}
                {model.simulated ? (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
                    simulated
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-4 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {model.id}
              </td>
              <td className="py-2 pr-4">{model.provider}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {model.contextLength === null ? (
                  <Unknown />
                ) : (
                  contextFormat.format(model.contextLength)
                )}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {model.inputPricePerMTok === null ? (
                  <Unknown />
                ) : (
                  priceFormat.format(model.inputPricePerMTok)
                )}
              </td>
              <td className="py-2 text-right tabular-nums">
                {model.outputPricePerMTok === null ? (
                  <Unknown />
                ) : (
                  priceFormat.format(model.outputPricePerMTok)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
