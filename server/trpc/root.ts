// The browser's API: one router per area, each procedure a thin call into server/domain.
import { router } from './init';
import { accountRouter } from './routers/account';
import { apiKeysRouter } from './routers/api-keys';
import { auditRouter } from './routers/audit';
import { operationsRouter } from './routers/operations';
import { organizationRouter } from './routers/organization';
import { realtimeRouter } from './routers/realtime';
import { statisticsRouter } from './routers/statistics';
import { callRoomRouter } from './routers/call-room';
import { callsRouter } from './routers/calls';
import { dealersRouter } from './routers/dealers';
import { leadsRouter } from './routers/leads';
import { invitesRouter } from './routers/invites';
import { productsRouter } from './routers/products';
import { sessionsRouter } from './routers/sessions';
import { teamsRouter } from './routers/teams';
import { usersRouter } from './routers/users';
import { rolesRouter } from './routers/roles';
import { contactsRouter } from './routers/contacts';
import { libraryRouter } from './routers/library';
import { accountsRouter, programsRouter } from './routers/outbound-setup';
import { providersRouter, transmissionsRouter } from './routers/outbound-delivery';
import { campaignsRouter } from './routers/campaigns';
import { conversationsRouter } from './routers/conversations';

export const appRouter = router({
  account: accountRouter,
  organization: organizationRouter,
  apiKeys: apiKeysRouter,
  statistics: statisticsRouter,
  audit: auditRouter,
  calls: callsRouter,
  leads: leadsRouter,
  dealers: dealersRouter,
  callRoom: callRoomRouter,
  teams: teamsRouter,
  invites: invitesRouter,
  products: productsRouter,
  sessions: sessionsRouter,
  realtime: realtimeRouter,
  operations: operationsRouter,
  users: usersRouter,
  roles: rolesRouter,
  contacts: contactsRouter,
  library: libraryRouter,
  programs: programsRouter,
  accounts: accountsRouter,
  providers: providersRouter,
  transmissions: transmissionsRouter,
  campaigns: campaignsRouter,
  conversations: conversationsRouter,
});

export type AppRouter = typeof appRouter;
