// Test fixture: commits one email (and so its mail.send job) for the address in argv, then SIGKILLs itself at once.
import { db } from '../../db';
import { sendMail } from '../../mail/send-mail';

const to = process.argv[2]!;
await db.$transaction((tx) => sendMail(tx, { organizationId: null, to, template: 'password-reset', data: { firstName: 'K', url: 'http://localhost/x', validMinutes: 60 } }));
process.kill(process.pid, 'SIGKILL');
