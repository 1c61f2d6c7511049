// Import progress for the terminal: a bar redrawn in place with rows/s and ETA, or plain lines when piped.
import type { Output } from '../cli/command.js';
import { formatNumber } from '../format.js';
import type { ImportProgress } from './imports.service.js';

const WIDTH = 30;
/** Plain (non-terminal) output prints at most one line per this many milliseconds. */
const PLAIN_INTERVAL_MS = 2000;

export function progressReporter(out: Output, tty: boolean, now: () => number = Date.now) {
  const started = now();
  // The first plain line comes at once, so that a log shows the import has started.
  let lastPlain = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(progress: ImportProgress) {
      const elapsed = Math.max(0.001, (now() - started) / 1000);
      const rate = progress.rows / elapsed;
      const total = progress.estimatedRows;
      const share = total === null || total === 0 ? null : Math.min(1, progress.rows / total);
      const eta =
        share === null || rate === 0 || total === null ? null : Math.max(0, (total - progress.rows) / rate);
      const figures = `${formatNumber(progress.rows, 'en')} rows, ${formatNumber(rate, 'en')} rows/s${eta === null ? '' : `, ETA ${Math.ceil(eta)} s`}`;
      if (tty) {
        const filled = share === null ? 0 : Math.round(share * WIDTH);
        const bar =
          share === null
            ? ''
            : `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% `;
        out.write(`\r\u001b[2K${bar}${figures}`);
        drawn = true;
      } else if (now() - lastPlain >= PLAIN_INTERVAL_MS) {
        lastPlain = now();
        out.write(`rows read so far: ${figures}\n`);
      }
    },
    done() {
      if (drawn) out.write('\n');
    },
  };
}
