// Starts dynalite (in memory) in this process and prints "PORT <n>" once it listens, so that a
// benchmark can run the server apart from the client: in-process it would share the client's thread.
'use strict';
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
