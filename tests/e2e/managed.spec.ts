/**
 * Settings an organisation presets through the browser's managed storage (a Chromium policy):
 * they apply, the options page and popup show them as set by the organisation, and the user
 * cannot change them. Installing a policy needs write access to /etc/chromium/policies (root,
 * as in CI); elsewhere this test is skipped and says why.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, expect, test } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/balise-e2e-test.json`;

/** The id Chromium gives an unpacked extension: from the SHA-256 of its absolute path. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function canWritePolicies(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

test.describe('settings preset by an organisation', () => {
  test.skip(!canWritePolicies(), `needs write access to ${POLICY_DIR} to install a Chromium policy`);
  test.beforeAll(() => {
    const policy = { '3rdparty': { extensions: { [unpackedId(EXTENSION_DIR)]: { jurisdiction: 'on', pauseMode: 'warnings', sites: { medium: false } } } } };
    writeFileSync(POLICY_FILE, JSON.stringify(policy));
  });
  test.afterAll(() => rmSync(POLICY_FILE, { force: true }));

  test('apply, show as set by the organisation, and cannot be changed', async ({ context, extensionId }) => {
    expect(extensionId).toBe(unpackedId(EXTENSION_DIR));
    const opts = await context.newPage();
    await opts.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(opts.getByText('Some settings are set by your organisation')).toBeVisible();
    await expect(opts.getByLabel('Where you practise')).toHaveValue('on');
    await expect(opts.getByLabel('Where you practise')).toBeDisabled();
    await expect(opts.getByLabel('Pause before publishing')).toHaveValue('warnings');
    await expect(opts.getByLabel('Pause before publishing')).toBeDisabled();
    await expect(opts.getByRole('checkbox', { name: 'Medium' })).not.toBeChecked();
    await expect(opts.getByRole('checkbox', { name: 'Medium' })).toBeDisabled();
    // What the organisation did not set stays the user's.
    await expect(opts.getByLabel('Language of Balise')).toBeEnabled();
  });
});
