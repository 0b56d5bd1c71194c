// The `os` module: a virtual machine identity. Nothing here reads the host;
// the embedder configures the identity (hostname, user, cpus, memory) through
// the execution config, with Linux-like defaults.

import { defineBuiltin } from './modules.js';
import { invalidArgType } from './errors.js';
import { named } from './native.js';

// os.constants as Node 22 on Linux x64 reports them.
const CONSTANTS = {"UV_UDP_REUSEADDR":4,"dlopen":{"RTLD_LAZY":1,"RTLD_NOW":2,"RTLD_GLOBAL":256,"RTLD_LOCAL":0,"RTLD_DEEPBIND":8},"errno":{"E2BIG":7,"EACCES":13,"EADDRINUSE":98,"EADDRNOTAVAIL":99,"EAFNOSUPPORT":97,"EAGAIN":11,"EALREADY":114,"EBADF":9,"EBADMSG":74,"EBUSY":16,"ECANCELED":125,"ECHILD":10,"ECONNABORTED":103,"ECONNREFUSED":111,"ECONNRESET":104,"EDEADLK":35,"EDESTADDRREQ":89,"EDOM":33,"EDQUOT":122,"EEXIST":17,"EFAULT":14,"EFBIG":27,"EHOSTUNREACH":113,"EIDRM":43,"EILSEQ":84,"EINPROGRESS":115,"EINTR":4,"EINVAL":22,"EIO":5,"EISCONN":106,"EISDIR":21,"ELOOP":40,"EMFILE":24,"EMLINK":31,"EMSGSIZE":90,"EMULTIHOP":72,"ENAMETOOLONG":36,"ENETDOWN":100,"ENETRESET":102,"ENETUNREACH":101,"ENFILE":23,"ENOBUFS":105,"ENODATA":61,"ENODEV":19,"ENOENT":2,"ENOEXEC":8,"ENOLCK":37,"ENOLINK":67,"ENOMEM":12,"ENOMSG":42,"ENOPROTOOPT":92,"ENOSPC":28,"ENOSR":63,"ENOSTR":60,"ENOSYS":38,"ENOTCONN":107,"ENOTDIR":20,"ENOTEMPTY":39,"ENOTSOCK":88,"ENOTSUP":95,"ENOTTY":25,"ENXIO":6,"EOPNOTSUPP":95,"EOVERFLOW":75,"EPERM":1,"EPIPE":32,"EPROTO":71,"EPROTONOSUPPORT":93,"EPROTOTYPE":91,"ERANGE":34,"EROFS":30,"ESPIPE":29,"ESRCH":3,"ESTALE":116,"ETIME":62,"ETIMEDOUT":110,"ETXTBSY":26,"EWOULDBLOCK":11,"EXDEV":18},"signals":{"SIGHUP":1,"SIGINT":2,"SIGQUIT":3,"SIGILL":4,"SIGTRAP":5,"SIGABRT":6,"SIGIOT":6,"SIGBUS":7,"SIGFPE":8,"SIGKILL":9,"SIGUSR1":10,"SIGSEGV":11,"SIGUSR2":12,"SIGPIPE":13,"SIGALRM":14,"SIGTERM":15,"SIGCHLD":17,"SIGSTKFLT":16,"SIGCONT":18,"SIGSTOP":19,"SIGTSTP":20,"SIGTTIN":21,"SIGTTOU":22,"SIGURG":23,"SIGXCPU":24,"SIGXFSZ":25,"SIGVTALRM":26,"SIGPROF":27,"SIGWINCH":28,"SIGIO":29,"SIGPOLL":29,"SIGPWR":30,"SIGSYS":31,"SIGUNUSED":31},"priority":{"PRIORITY_LOW":19,"PRIORITY_BELOW_NORMAL":10,"PRIORITY_NORMAL":0,"PRIORITY_ABOVE_NORMAL":-7,"PRIORITY_HIGH":-14,"PRIORITY_HIGHEST":-20}};

function deepFreezeNullProto(value) {
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null);
  for (const [key, inner] of Object.entries(value)) out[key] = deepFreezeNullProto(inner);
  return Object.freeze(out);
}

export function createOs(config, process) {
  const id = config.os ?? {};
  const cpuCount = id.cpus ?? 2;
  const cpuModel = id.cpuModel ?? 'Virtual CPU';
  const totalmem = id.totalmem ?? 2 * 1024 * 1024 * 1024;
  const user = id.username ?? 'root';
  const home = id.homedir ?? '/root';
  const fns = {
    arch: () => 'x64',
    availableParallelism: () => cpuCount,
    cpus: () => Array.from({ length: cpuCount }, () => ({
      model: cpuModel,
      speed: 2400,
      times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
    })),
    endianness: () => 'LE',
    freemem: () => id.freemem ?? Math.floor(totalmem / 2),
    getPriority(pid) {
      if (pid !== undefined && (typeof pid !== 'number' || !Number.isInteger(pid))) throw invalidArgType('pid', 'number', pid);
      return 0;
    },
    homedir: () => process.env.HOME ?? home,
    hostname: () => id.hostname ?? 'sandbox',
    loadavg: () => [0, 0, 0],
    networkInterfaces: () => ({}),
    platform: () => 'linux',
    release: () => id.release ?? '6.0.0-secure-exec',
    setPriority() {},
    tmpdir() {
      const dir = process.env.TMPDIR ?? process.env.TMP ?? process.env.TEMP ?? '/tmp';
      return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
    },
    totalmem: () => totalmem,
    type: () => 'Linux',
    userInfo(options) {
      const asBuffer = options && options.encoding === 'buffer';
      const info = { uid: config.uid, gid: config.gid, username: user, homedir: home, shell: id.shell ?? '/bin/sh' };
      if (asBuffer) for (const key of ['username', 'homedir', 'shell']) info[key] = Buffer.from(info[key]);
      return info;
    },
    uptime: () => id.uptime ?? 1000,
    version: () => id.version ?? '#1 SMP secure-exec',
    machine: () => 'x86_64',
  };
  const os = {};
  for (const [name, fn] of Object.entries(fns)) os[name] = named(fn, name);
  os.constants = deepFreezeNullProto(CONSTANTS);
  os.EOL = '\n';
  os.devNull = '/dev/null';
  return os;
}

export function installOs(config, process) {
  let os;
  defineBuiltin('os', () => (os ??= createOs(config, process)));
}
