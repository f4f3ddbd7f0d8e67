import QRCode from 'qrcode';

/** A QR code as inline SVG, drawn on the server: no script, prints sharp at any size. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
