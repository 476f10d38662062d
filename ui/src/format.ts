// Times, durations and state names, shown in the browser's time zone.
export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric", month: "short", day: "numeric",
  hour: "2-digit", minute: "2-digit", second: "2-digit",
});

export function formatTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

export function relative(value: string | null | undefined, now = Date.now()): string {
  if (!value) return "never";
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const [amount, unit] = abs < 60 ? [abs, "s"] : abs < 3600 ? [Math.round(abs / 60), "min"]
    : abs < 86400 ? [Math.round(abs / 3600), "h"] : [Math.round(abs / 86400), "d"];
  return seconds <= 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

export function duration(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return "—";
  const ms = (end ? new Date(end).getTime() : Date.now()) - new Date(start).getTime();
  if (ms < 0) return "—";
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const FINISHED = ["COMPLETED", "FAILED", "CANCELLED", "CRASHED"];

export function isFinished(stateType: string | null | undefined): boolean {
  return FINISHED.includes(stateType ?? "");
}

/** The state names Mark As offers: one per state type, as Prefect 1 names them. */
export const MARK_AS_STATES = [
  "Scheduled", "Pending", "Running", "Paused", "Cancelling",
  "Success", "Failed", "Cancelled", "Crashed",
];

export const STATE_TYPES = [
  "SCHEDULED", "PENDING", "RUNNING", "PAUSED", "CANCELLING",
  "COMPLETED", "FAILED", "CANCELLED", "CRASHED",
];

export function pretty(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

const ADJECTIVES = ["brave", "calm", "eager", "gentle", "jolly", "lucky", "proud", "quick", "witty", "bold"];
const ANIMALS = ["otter", "heron", "lynx", "panda", "falcon", "badger", "koala", "gecko", "bison", "fox"];

export function randomRunName(): string {
  const pick = (words: string[]): string => words[Math.floor(Math.random() * words.length)];
  return `${pick(ADJECTIVES)}-${pick(ANIMALS)}`;
}

/** Who made a run or state: the audit record's display value (e.g. the API key's name). */
export function actorName(createdBy: unknown): string {
  if (!createdBy || typeof createdBy !== "object") return "anonymous";
  const actor = createdBy as { display_value?: unknown; type?: unknown; id?: unknown };
  const name = actor.display_value ?? actor.id ?? actor.type;
  return typeof name === "string" && name ? name : "anonymous";
}
