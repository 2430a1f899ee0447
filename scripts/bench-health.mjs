// npm run bench:health — autocannon against GET /health/live of the built api, then against a bare
// Fastify hello-world, in the same run on the same machine. Last line:
//   BENCH health rps=<n> baseline_rps=<n> ratio=<r>
// Uses DATABASE_URL when set (a scratch database on that server), else embedded PostgreSQL.
import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort, machine, measure, root, startApi, waitFor } from './lib/bench-api.mjs';

const duration = Number(process.env.BENCH_DURATION ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const api = await startApi();
const basePort = await freePort();
const bare = fork(path.join(root, 'bench/bare-fastify.mjs'), [], { env: { PORT: String(basePort) }, stdio: 'inherit' });

try {
  await waitFor(`http://127.0.0.1:${basePort}/health/live`);
  console.log(`bench:health on ${machine()}, ${connections} connections, ${duration}s each`);
  // Several short rounds, api and baseline back to back in each: the machine's speed drifts (it is
  // shared, and autocannon runs on the same two cores), so each round's ratio compares like with
  // like, and the medians drop the odd slow round.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const apiRuns = [];
  const baseRuns = [];
  const ratios = [];
  for (let round = 1; round <= rounds; round++) {
    const a = Math.round((await measure(`round ${round}: api GET /health/live`, { url: `${api.base}/health/live`, connections, duration })).requests.average);
    const b = Math.round((await measure(`round ${round}: bare Fastify`, { url: `http://127.0.0.1:${basePort}/health/live`, connections, duration })).requests.average);
    apiRuns.push(a);
    baseRuns.push(b);
    ratios.push(a / b);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(`BENCH health rps=${median(apiRuns)} baseline_rps=${median(baseRuns)} ratio=${median(ratios).toFixed(2)}`);
} finally {
  bare.kill('SIGTERM');
  await api.stop();
}
