/**
 * The per-phase profile `pnpm bench --profile` prints. With CBA_PROFILE=1 in the environment, each
 * `phase(name)` records when the phase that just ended ended (ms since the process started), and the
 * marks go to stderr as one `cba-profile {...}` JSON line when the process exits. Otherwise `phase`
 * is an empty function: nothing is recorded, printed or timed.
 */
const marks: Array<[string, number]> = [];

function record(name: string): void {
  if (marks.push([name, performance.now()]) === 1) {
    process.once('exit', () => {
      marks.push(['exit', performance.now()]);
      process.stderr.write(`cba-profile ${JSON.stringify(Object.fromEntries(marks))}\n`);
    });
  }
}

export const phase: (name: string) => void = process.env.CBA_PROFILE === '1' ? record : () => {};
