// Words and checks the campaign screens share, kept free of React so they are tested on their own.
import { CronExpressionParser } from 'cron-parser';

/** How long n messages take at cpm per minute, in words: "about 2 h 5 min". */
export function durationText(messages: number, cpm: number): string {
  if (messages <= 0 || cpm <= 0) return 'no time';
  const minutes = messages / cpm;
  if (minutes < 1) return 'under a minute';
  const total = Math.ceil(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  return `about ${[days && `${days} d`, hours && `${hours} h`, mins && `${mins} min`].filter(Boolean).join(' ')}`;
}

/** The next runs of a cron expression (UTC, read by cron-parser as the server reads it), or what is wrong with it. */
export function cronPreview(expression: string, from = new Date()): { next: Date[] } | { error: string } {
  const text = expression.trim();
  if (!text) return { error: 'Enter a cron expression, e.g. 0 9 * * 1-5' };
  const fields = text.split(/\s+/).length;
  if (fields < 5 || fields > 6) return { error: 'A cron expression has five fields (minute hour day month weekday), or six with seconds first' };
  try {
    const it = CronExpressionParser.parse(text, { tz: 'UTC', currentDate: from, strict: false });
    return { next: [it.next().toDate(), it.next().toDate(), it.next().toDate()] };
  } catch (e) {
    return { error: `Not a valid cron expression: ${e instanceof Error ? e.message : 'unreadable'}` };
  }
}

const NEXT_RUN = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
/** A cron expression's next runs in the reader's own time: "Tue, Mar 3, 10:00 AM · Wed, …". */
export const nextRunsText = (runs: Date[]) => runs.map((d) => NEXT_RUN.format(d)).join(' · ');
