/**
 * Calendar arithmetic in a viewer's time zone, without reading the clock: "today" and "tomorrow" are
 * days where the person is, not in UTC. A zone is an IANA name (`Europe/Paris`) or a fixed offset
 * (`+01:00`, as Teams' `localTimestamp` carries); anything unreadable falls back to UTC.
 */
export type TimeZone = string;

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  if (OFFSET.test(zone)) return true;
  try {
    formatterFor(zone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Minutes to add to UTC to get the local wall-clock time at `instant`. */
export function offsetMinutesAt(instant: Date, zone: TimeZone): number {
  const fixed = OFFSET.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  if (!isValidTimeZone(zone)) return 0;
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const wallClock = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return Math.round((wallClock - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The local calendar day of `instant`: year, month (1–12), day, and ISO weekday (1 = Monday … 7 = Sunday). */
export function localDate(instant: Date, zone: TimeZone): { year: number; month: number; day: number; weekday: number } {
  const local = new Date(instant.getTime() + offsetMinutesAt(instant, zone) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), weekday: ((local.getUTCDay() + 6) % 7) + 1 };
}

/** The instant local midnight begins, `days` calendar days after the local day of `instant` (DST-safe). */
export function startOfLocalDay(instant: Date, zone: TimeZone, days = 0): Date {
  const { year, month, day } = localDate(instant, zone);
  const midnightAsUtc = Date.UTC(year, month - 1, day + days);
  // The offset at local midnight may differ from the offset now (DST); two passes settle it.
  let guess = midnightAsUtc - offsetMinutesAt(new Date(midnightAsUtc), zone) * 60_000;
  guess = midnightAsUtc - offsetMinutesAt(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}
