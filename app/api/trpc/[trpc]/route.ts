import { handleTrpcRequest } from '@/server/http';
import { contextFromNextRequest } from '@/server/request-context';

const handler = (req: Request) => handleTrpcRequest(req, contextFromNextRequest);

export { handler as GET, handler as POST };
