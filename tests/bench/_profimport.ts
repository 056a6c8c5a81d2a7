import { importThroughputSuite } from './importThroughput.bench';
import { createContext } from './harness';
const { context, dispose } = createContext([Number(process.env.SIZE ?? 10000)]);
console.log(JSON.stringify(await importThroughputSuite.run(context)));
await dispose();
