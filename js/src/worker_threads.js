// The `worker_threads` module, partial: the program is always the main and
// only thread. Environment data and untransferable marks work inside the
// isolate; MessageChannel, MessagePort and BroadcastChannel are the globals
// (within-isolate messaging); new Worker() throws the unsupported error.

import { defineBuiltin } from './modules.js';
import { nodeError, unsupportedError } from './errors.js';
import { named } from './native.js';

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
// Node marks with a private symbol; these are per isolate (cleared per execution in install()).
let untransferable = new WeakSet();
let uncloneable = new WeakSet();
let environmentData = new Map();

class Worker {
  constructor() {
    throw unsupportedError('worker_threads.Worker');
  }
}

named(Worker, 'Worker');

function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  if (object == null || (typeof object !== 'object' && typeof object !== 'function')) return false;
  return untransferable.has(object);
}

function markAsUncloneable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  uncloneable.add(object);
}

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

function moveMessagePortToContext() {
  throw unsupportedError('worker_threads.moveMessagePortToContext');
}

function receiveMessageOnPort(port) {
  const receive = port?.[Symbol.for('secure-exec.receiveMessageOnPort')];
  if (typeof receive === 'function') return Reflect.apply(receive, port, []);
  throw unsupportedError('worker_threads.receiveMessageOnPort');
}

async function postMessageToThread(threadId) {
  if (threadId === 0) {
    throw nodeError(Error, 'ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread');
  }
  throw nodeError(Error, 'ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener');
}

export function isMarkedUncloneable(object) {
  return uncloneable.has(object);
}

export function install() {
  untransferable = new WeakSet();
  uncloneable = new WeakSet();
  environmentData = new Map();
  defineBuiltin('worker_threads', () => {
    const g = globalThis;
    return {
      isInternalThread: false,
      isMainThread: true,
      MessagePort: g.MessagePort,
      MessageChannel: g.MessageChannel,
      markAsUncloneable: named(markAsUncloneable, 'markAsUncloneable'),
      markAsUntransferable: named(markAsUntransferable, 'markAsUntransferable'),
      isMarkedAsUntransferable: named(isMarkedAsUntransferable, 'isMarkedAsUntransferable'),
      moveMessagePortToContext: named(moveMessagePortToContext, 'moveMessagePortToContext'),
      receiveMessageOnPort: named(receiveMessageOnPort, 'receiveMessageOnPort'),
      resourceLimits: {},
      postMessageToThread: named(postMessageToThread, 'postMessageToThread'),
      threadId: 0,
      threadName: '',
      SHARE_ENV,
      Worker,
      parentPort: null,
      workerData: null,
      BroadcastChannel: g.BroadcastChannel,
      setEnvironmentData: named(setEnvironmentData, 'setEnvironmentData'),
      getEnvironmentData: named(getEnvironmentData, 'getEnvironmentData'),
    };
  });
}
