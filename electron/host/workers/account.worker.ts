/** Worker entry for accounting runs (services/account.ts): the app runs them here so the UI never waits on them. */
import { runAccount } from '../services/account';
import { serveWorkerJob } from '../worker-job';

void serveWorkerJob(runAccount);
