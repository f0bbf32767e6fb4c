import { describe, expect, it } from 'vitest';
import { whyCiFailed } from './lib/prepare.mjs';

// What `npm start`, `npm test` and .ci/run print when `npm ci` refuses the lock file: one line, not npm's errors.
describe('whyCiFailed', () => {
  it("names the first package missing from the lock file and how many more (another platform's optional ones)", () => {
    const output = [
      'npm error code EUSAGE',
      'npm error',
      'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
      'npm error',
      'npm error Missing: @rollup/rollup-darwin-arm64@4.68.7 from lock file',
      'npm error Missing: @esbuild/darwin-arm64@0.27.7 from lock file',
      "npm error Invalid: lock file's commander@15.1.0 does not satisfy commander@14.0.3",
      'npm error',
      'npm error Clean install a project',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
    ].join('\n');
    expect(whyCiFailed(output)).toBe('Missing: @rollup/rollup-darwin-arm64@4.68.7 from lock file, and 2 more');
  });

  it("gives npm's first error otherwise, and says when npm gave none", () => {
    const output =
      'npm warn x\nnpm error code ETARGET\nnpm error notarget No matching version found for left-pad@99.\n';
    expect(whyCiFailed(output)).toBe('notarget No matching version found for left-pad@99.');
    expect(whyCiFailed('')).toBe('no reason given');
    expect(whyCiFailed('npm ERR! code EUSAGE\nnpm ERR! Missing: a@1.0.0 from lock file\n')).toBe(
      'Missing: a@1.0.0 from lock file',
    );
  });
});
