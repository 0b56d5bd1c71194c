import { isMainThread, threadId, parentPort, workerData, getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import wt from 'worker_threads';
setEnvironmentData('x', 42);
console.log(isMainThread, threadId, parentPort, workerData, getEnvironmentData('x'), wt.getEnvironmentData('x'));
