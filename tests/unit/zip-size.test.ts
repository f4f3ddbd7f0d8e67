import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { declaredUnzippedSize } from '../../server/domain/zip-size';

describe('the size a zip archive unpacks to', () => {
  it('adds up what every entry declares, before inflating anything', () => {
    // 10 MB of one repeated byte compresses to a few kilobytes.
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(10_000_000).fill(65), 'docProps/app.xml': new Uint8Array(1234) }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    expect(declaredUnzippedSize(zip)).toBe(10_001_234);
  });

  it('cannot read what is not a zip archive, which is then refused', () => {
    expect(declaredUnzippedSize(new TextEncoder().encode('姓名,身份证号\n张三,1'))).toBeNull();
    const zip = zipSync({ 'a.txt': new Uint8Array(10) });
    expect(declaredUnzippedSize(zip.subarray(0, zip.length - 10))).toBeNull();
  });
});
