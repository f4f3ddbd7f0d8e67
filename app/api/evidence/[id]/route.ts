import { evidenceResponse } from '@/server/http';
import { contextFromNextRequest } from '@/server/request-context';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return evidenceResponse(await contextFromNextRequest(), id);
}
