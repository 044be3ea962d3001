import { createServer, type Server } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/**
 * Serves `root` (the production build) on 127.0.0.1 at an ephemeral port, plus one extra file at `/__video`
 * so the page reads the local video from its own origin. Resolves with the server and its base URL.
 */
export function serveStatic(root: string, videoPath: string | null): Promise<{ server: Server; url: string }> {
  const app = sirv(root, { dev: true, single: false });
  const video = videoPath ? sirv(path.dirname(videoPath), { dev: true }) : null;
  const videoName = videoPath ? `/${encodeURIComponent(path.basename(videoPath))}` : '';
  const server = createServer((req, res) => {
    const notFound = () => void res.writeHead(404).end();
    if (video && req.url?.split('?')[0] === '/__video') {
      req.url = videoName;
      return video(req, res, notFound);
    }
    app(req, res, notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('server has no port'));
      resolve({ server, url: `http://127.0.0.1:${addr.port}` });
    });
  });
}
