// The worker's schedules, declared as data. Each job's name is stable: it identifies the hourly slot a run
// belongs to, so that several workers run a slot once (later issues add the STS jobs here).
export type Schedule = {
  name: string;
  cron: string;
  run: (context: { slot: Date }) => Promise<void>;
};

export const schedules: Schedule[] = [];
