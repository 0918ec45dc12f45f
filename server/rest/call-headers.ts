// The public tokens of live calls, read from their headers: a customer's own call token and an organization's call token.
export const callTokenOf = (req: Request) => req.headers.get('x-call-token');
export const organizationTokenOf = (req: Request) => req.headers.get('x-organization-token');
