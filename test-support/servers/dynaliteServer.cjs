// Starts dynalite (in memory) in this process and prints "PORT <n>" once it listens, so that a
// benchmark can run the server apart from the client: in-process it would share the client's thread.
'use strict';
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${server.address().port}\n`);
});
// Exit even while clients still hold keep-alive connections open (close() alone would wait).
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 500).unref();
});
// The parent went away without stopping us (it crashed, or was killed): end too.
process.on('disconnect', () => process.exit(0));
