import type { Page } from 'playwright-core';

export interface PetitionFields {
  center?: string;
  category: string;
  title: string;
  description: string;
  request: string;
  respondent: string;
  amountInDispute?: string;
  /** Rows after the first; the first is the signed-in petitioner, prefilled. */
  extraApplicants?: { name: string; idNumber?: string; phone?: string; claimedAmount?: string }[];
  firstApplicantIdNumber?: string;
  firstIsRepresentative?: boolean;
  photo?: { name: string; buffer: Buffer };
}

/** Fills the petition form the way a person does: selects, typed fields, added rows, a photo. */
export async function fillPetition(page: Page, f: PetitionFields) {
  if (f.center) {
    await page.getByRole('combobox', { name: '受理中心' }).click();
    await page.getByRole('option', { name: f.center }).click();
  }
  await page.getByRole('combobox', { name: '纠纷类型' }).click();
  await page.getByRole('option', { name: f.category }).click();
  await page.getByLabel('事项标题').fill(f.title);
  await page.getByLabel('具体情况').fill(f.description);
  await page.getByLabel('您的诉求').fill(f.request);
  if (f.amountInDispute) await page.getByLabel('涉及金额（元）').fill(f.amountInDispute);
  await page.getByLabel('姓名或单位名称').fill(f.respondent);
  if (f.firstApplicantIdNumber) await page.locator('[id="applicants.0.idNumber"]').fill(f.firstApplicantIdNumber);
  if (f.firstIsRepresentative) await page.locator('input[name="applicants.0.isRepresentative"]').check();
  for (const [i, a] of (f.extraApplicants ?? []).entries()) {
    // A new row opens for typing; the rows before it fold into one line each.
    await page.getByRole('button', { name: '添加申请人' }).click();
    const row = i + 1;
    await page.locator(`[id="applicants.${row}.name"]`).fill(a.name);
    if (a.idNumber) await page.locator(`[id="applicants.${row}.idNumber"]`).fill(a.idNumber);
    if (a.phone) await page.locator(`[id="applicants.${row}.phone"]`).fill(a.phone);
    if (a.claimedAmount) await page.locator(`[id="applicants.${row}.claimedAmount"]`).fill(a.claimedAmount);
  }
  if (f.photo) {
    await page.locator('input[type="file"]').setInputFiles({ name: f.photo.name, mimeType: 'image/png', buffer: f.photo.buffer });
    await page.getByRole('list', { name: '证据材料' }).getByText(f.photo.name).waitFor();
  }
}

/** Pastes a list of workers into the roster dialog (opening it first); the dialog stays open. */
export async function pasteRoster(page: Page, lines: string[]) {
  const dialog = page.getByRole('dialog', { name: '粘贴申请人名单' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: '粘贴名单' }).click();
  await dialog.getByRole('textbox', { name: '名单内容' }).fill(lines.join('\n'));
  return dialog;
}

/** Receipt facts by their label: 案件编号, 查询码. */
export async function receiptValue(page: Page, label: string) {
  return (await page.locator(`dt:text-is("${label}") + dd`).textContent())!.trim();
}

/**
 * Waits for the receipt after the petitioner's form was sent; when it warns of a similar case
 * of theirs first (other tests of the run may have filed one), says it is a different matter.
 */
export async function reachReceipt(page: Page) {
  const dialog = page.getByRole('dialog', { name: '您可能已经反映过这件事' });
  const receipt = /\/cases\/[0-9a-f-]{36}\/receipt$/;
  await Promise.race([page.waitForURL(receipt), dialog.waitFor().then(() => dialog.getByRole('button', { name: '不是同一件事，继续提交' }).click())]);
  await page.waitForURL(receipt);
}

/** Submits the petitioner's form and lands on the receipt. */
export async function submitOwnPetition(page: Page) {
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await reachReceipt(page);
}
