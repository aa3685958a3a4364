// A worker for test/util/worker.test.ts: answers its workerData, with the extension it runs as.
import { parentPort, workerData } from 'node:worker_threads';

const self: string = typeof __filename === 'string' ? __filename : '';
parentPort?.postMessage({ data: workerData as unknown, ext: self.slice(self.lastIndexOf('.')) });
