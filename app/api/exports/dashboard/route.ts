import { dashboardExportResponse } from '@/server/http';
import { contextFromNextRequest } from '@/server/request-context';

export async function GET(req: Request) {
  return dashboardExportResponse(await contextFromNextRequest(), new URL(req.url));
}
