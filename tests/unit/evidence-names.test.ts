import { describe, expect, it } from 'vitest';
import { evidenceFileName } from '../../server/domain/evidence-types';

describe('evidence file names', () => {
  it('take the extension of the detected type, not the uploader’s', () => {
    expect(evidenceFileName('photo.html', 'image/jpeg')).toBe('photo.jpg');
    expect(evidenceFileName('drawing.svg', 'image/png')).toBe('drawing.png');
    expect(evidenceFileName('setup.exe', 'application/pdf')).toBe('setup.pdf');
    expect(evidenceFileName('工资条', 'image/png')).toBe('工资条.png');
    expect(evidenceFileName('合同.扫描件.PDF', 'application/pdf')).toBe('合同.扫描件.pdf');
  });

  it('strip bidi overrides, invisible marks and control characters, so the name reads as it is', () => {
    expect(evidenceFileName('invoice\u202egnp.exe', 'image/png')).toBe('invoicegnp.png');
    expect(evidenceFileName('a\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061c\u200b\ufeffb.jpg', 'image/jpeg')).toBe('ab.jpg');
    expect(evidenceFileName('a\u0000b\u0007c\u007f\u0085d\ud800.png', 'image/png')).toBe('abcd.png');
  });

  it('keep no path and fall back to a plain name', () => {
    expect(evidenceFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(evidenceFileName('C:\\Users\\x\\"<>|:*?.png', 'image/png')).toBe('evidence.png');
    expect(evidenceFileName('.htaccess', 'image/gif')).toBe('evidence.gif');
    expect(evidenceFileName('x'.repeat(300) + '.png', 'image/png')).toHaveLength(124);
  });
});
