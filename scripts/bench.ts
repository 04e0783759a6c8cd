/**
 * `npm run bench [-- section…]` — benchmarks that print numbers. Sections: engine, activity, room, builder.
 * Speed is measured here, never asserted in tests.
 */
import { benchActivity } from "@/bench/activity";
import { benchBuilderSearch } from "@/bench/builder-search";
import { benchEngine } from "@/bench/engine";
import { benchRoomLongTasks } from "@/bench/room-longtasks";

const SECTIONS: Record<string, () => Promise<void>> = {
  engine: benchEngine,
  activity: benchActivity,
  room: benchRoomLongTasks,
  builder: benchBuilderSearch,
};

async function main() {
  const asked = process.argv.slice(2);
  const names = asked.length > 0 ? asked : Object.keys(SECTIONS);
  for (const name of names) {
    const section = SECTIONS[name];
    if (!section)
      throw new Error(
        `Unknown bench section "${name}". Known: ${Object.keys(SECTIONS).join(", ")}.`,
      );
    await section();
    console.log();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
