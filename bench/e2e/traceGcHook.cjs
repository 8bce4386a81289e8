require('v8').setFlagsFromString('--trace-gc');
