/**
 * Refuses passwords that are, or are built from, common passwords, keyboard walks and the like,
 * by zxcvbn's estimate of how many guesses they take. The dictionaries are large, so they are
 * loaded on first use: the admin site downloads them only when someone chooses a password.
 */

/** zxcvbn's score 3 means about 10⁸ guesses: out of reach of an online attack. */
const ENOUGH_SCORE = 3;

interface Checker {
  check: (password: string) => { score: number } | Promise<{ score: number }>;
}

let checker: Promise<Checker> | undefined;

async function loadChecker(): Promise<Checker> {
  const [{ ZxcvbnFactory }, common] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
}

/** True when the password is too easy to guess to be allowed for a staff account. */
export async function isCommonPassword(password: string): Promise<boolean> {
  checker ??= loadChecker();
  const result = await (await checker).check(password);
  return result.score < ENOUGH_SCORE;
}

export const COMMON_PASSWORD_MESSAGE =
  'This password is too easy to guess: it is, or is made from, a commonly used password. Choose another.';
