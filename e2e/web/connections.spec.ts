import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { rm } from 'node:fs/promises';
import {
  closedPort,
  writeAwsHome,
  type AwsHome,
} from '../../server/connections/testSupport';
import {
  localClient,
  startDynalite,
  type LocalDynamo,
} from '../../test-support/servers/dynalite';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { expect, test as base } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

interface AwsWorld {
  dynamo: LocalDynamo;
  home: AwsHome;
  host: RunningHost;
}

/**
 * A dynalite with one table, shared AWS files with a profile of each kind, and a web host whose
 * environment points the SDK at those files (the default host would read the developer's ~/.aws).
 */
const test = base.extend<object, { aws: AwsWorld }>({
  aws: [
    async ({}, use) => {
      const dynamo = await startDynalite();
      const client = localClient(dynamo.endpoint);
      await client.send(
        new CreateTableCommand({
          TableName: 'Gadgets',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      client.destroy();
      const home = await writeAwsHome(dynamo.endpoint);
      const host = await startHost({
        env: {
          AWS_CONFIG_FILE: home.configFile,
          AWS_SHARED_CREDENTIALS_FILE: home.credentialsFile,
          HOME: home.dir,
          AWS_PROFILE: '',
          AWS_ACCESS_KEY_ID: '',
          AWS_SECRET_ACCESS_KEY: '',
          AWS_SESSION_TOKEN: '',
          AWS_ENDPOINT_URL: '',
          AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${await closedPort()}`,
        },
      });
      await use({ dynamo, home, host });
      await host.stop();
      await dynamo.close();
      await rm(home.dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('add an endpoint connection to dynalite: validated, tested, saved, picked, tables listed', async ({
  page,
  aws,
}) => {
  const c = new ConnectionsPage(page);
  await c.open(aws.host.url);
  await expect(c.picker).toHaveValue('sandbox');
  await c.addButton.click();
  await expect(c.dialog).toBeVisible();
  await expect(c.dialog).toHaveAccessibleName('Add connection');

  // A URL without a scheme is refused on the field, before anything is sent.
  await c.fillEndpoint({ endpoint: 'localhost:8000', region: 'us-east-1', name: 'Local dynalite' });
  await c.dialogSave.click();
  await expect(c.endpoint).toHaveAttribute('aria-invalid', 'true');
  await expect(c.dialog.getByText('must start with http:// or https://')).toBeVisible();

  await c.endpoint.fill(aws.dynamo.endpoint);
  await c.dialogTest.click();
  await expect(c.dialogResult).toContainText('Connected in');
  await expect(c.dialogResult).toContainText('First table: Gadgets');
  await page.screenshot({ path: 'test-results/connections-add-dialog.png' });

  await c.dialogSave.click();
  await expect(c.dialog).toBeHidden();
  await expect(c.group('Endpoints').locator('option')).toHaveText([
    `Local dynalite · ${aws.dynamo.endpoint}`,
  ]);
  await expect(c.picker.locator('option:checked')).toHaveText(
    `Local dynalite · ${aws.dynamo.endpoint}`,
  );
  await expect(c.status).toContainText('Connected');
  await expect(c.tableButton('Gadgets')).toBeVisible();

  // Saved: still there after a reload, and editable.
  await page.reload();
  await expect(c.picker.locator('option:checked')).toHaveText(
    `Local dynalite · ${aws.dynamo.endpoint}`,
  );
  await expect(c.editButton).toBeEnabled();
});

test('AWS profiles are listed beside the sandbox, each reaching its own endpoint', async ({
  page,
  aws,
}) => {
  const c = new ConnectionsPage(page);
  await c.open(aws.host.url);
  await expect(c.group('Sandbox').locator('option')).toHaveText(['Sandbox (local)']);
  await expect(c.group('AWS profiles').locator('option').first()).toHaveText(
    'local-static · eu-west-1',
  );
  await c.selectByName('local-static');
  await expect(c.status).toContainText('Connected');
  await expect(c.tableButton('Gadgets')).toBeVisible();
  await expect(c.editButton).toBeDisabled();

  // In the add dialog the region follows the chosen profile's region.
  await c.addButton.click();
  await expect(c.profile).toHaveValue('local-static');
  await expect(c.region).toHaveValue('eu-west-1');
  await c.profile.selectOption('proc');
  await expect(c.region).toHaveValue('ap-southeast-2');
  await expect(c.name).toHaveValue('proc');
  await page.screenshot({ path: 'test-results/connections-profile-dialog.png' });
  await c.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(c.dialog).toBeHidden();
});

test('an SSO profile without a login names the fix and offers Retry', async ({ page, aws }) => {
  const c = new ConnectionsPage(page);
  await c.open(aws.host.url);
  await c.selectByName('sso-dev');
  await expect(c.problem).toContainText('AWS SSO login needed for sso-dev');
  await expect(c.problem.locator('code')).toHaveText('aws sso login --profile sso-dev');
  await page.screenshot({ path: 'test-results/connections-sso-retry.png' });
  await c.problem.getByRole('button', { name: 'Retry' }).click();
  await expect(c.problem).toContainText('aws sso login --profile sso-dev');
  // Back on the sandbox, its tables are still there.
  await c.picker.selectOption('sandbox');
  await expect(c.problem).toBeHidden();
  await expect(c.tableButton('SupportTickets')).toBeVisible();
});

test('an MFA profile asks for the code in a dialog and reports the STS answer', async ({
  page,
  aws,
}) => {
  const c = new ConnectionsPage(page);
  await c.open(aws.host.url);
  await c.selectByName('mfa-role');
  await expect(c.mfaDialog).toBeVisible();
  await expect(c.mfaDialog).toContainText('arn:aws:iam::111122223333:mfa/tester');
  await c.mfaCode.fill('12');
  await c.mfaContinue.click();
  await expect(c.mfaDialog.getByText('The MFA code is 6 digits.')).toBeVisible();
  await c.mfaCode.fill('123456');
  await page.screenshot({ path: 'test-results/connections-mfa-dialog.png' });
  await c.mfaContinue.click();
  await expect(c.mfaDialog).toBeHidden();
  // STS is unreachable here: the failure is reported, not a hang.
  await expect(c.problem).toContainText('Could not get credentials for profile "mfa-role"');
});

test('the remembered connection is checked by listing its tables: one ListTables at start, no separate test', async ({
  page,
  aws,
}) => {
  // A profile connection remembered from last time: the app opens on it.
  await page.addInitScript(() => localStorage.setItem('dynostage.connection', 'profile:local-static'));
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(tables:list|connections:test)$/.exec(r.url());
    if (m?.[1]) calls.push(m[1]);
  });
  const c = new ConnectionsPage(page);
  await c.open(aws.host.url);
  await expect(c.tableButton('Gadgets')).toBeVisible();
  await expect(c.status).toContainText('Connected');
  await expect(c.problem).toBeHidden();
  expect(calls).toEqual(['tables:list']);
  // The Test button still runs the check itself.
  await c.testButton.click();
  await expect(c.status).toContainText('Connected');
  expect(calls).toEqual(['tables:list', 'connections:test']);
});
