/**
 * Logging on standard error, one child logger per adapter or feature. Two forms: JSON lines (for
 * log collectors; the default when standard error is not a terminal) and short lines for a person
 * (`pretty`: the time, the level when it is not plain information, the message and its fields;
 * the default on a terminal). LOG_FORMAT chooses one. Lines are written at once, in order, so
 * that the server's last line at start is the last a person sees.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export type LogFormat = 'json' | 'pretty';

/** Pino's numbers for its levels, as words for a person (information has none). */
const LEVEL_WORDS: Record<number, string> = { 10: 'trace', 20: 'debug', 40: 'warning', 50: 'error', 60: 'fatal' };
/** Fields every line has, not repeated on a short line. */
const LINE_FIELDS = new Set(['level', 'time', 'app', 'msg', 'pid', 'hostname']);
/** A field's value is cut past this length on a short line (LOG_FORMAT=json has it whole). */
const MAX_VALUE_CHARS = 120;

function shortValue(value: unknown): string | undefined {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') return value.message;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** One JSON log line as a short line for a person: `12:04:31 warning: message (key=value, …)`. */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = LEVEL_WORDS[entry.level as number];
  const fields = Object.entries(entry)
    .filter(([key]) => !LINE_FIELDS.has(key))
    .map(([key, value]) => [key, shortValue(value)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`);
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  return `${time} ${level ? `${level}: ` : ''}${message}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}

/** Where lines may be written instead of standard error's file descriptor (a command run in a test). */
export interface LogOutput {
  write(text: string): unknown;
}

/** Writes each line as a short line, at once, to `out`. */
function prettyDestination(out: LogOutput): DestinationStream {
  return {
    write(line: string): void {
      out.write(`${prettyLine(line)}\n`);
    },
  };
}

/** The form when none is asked for: short lines on a terminal, JSON otherwise. */
export function defaultLogFormat(): LogFormat {
  return process.stderr.isTTY ? 'pretty' : 'json';
}

/** A logger writing on standard error, or on `out` when given. */
export function createLogger(level: string, format: LogFormat = defaultLogFormat(), out?: LogOutput): Logger {
  const destination = format === 'pretty' ? prettyDestination(out ?? process.stderr) : (out ?? pino.destination({ dest: 2, sync: true }));
  return pino({ level, base: { app: 'ta-forum' } }, destination);
}

/** A logger that writes nothing, for tests and tools that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
