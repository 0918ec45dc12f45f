// What a spent or expired access link shows.
import { AuthCard } from '@/components/auth/auth-card';

export function ExpiredLink() {
  return (
    <AuthCard
      title="This link has expired"
      subtitle="It was used as many times as it allows, or its time ran out. Ask the person who sent it for a new link: your conversation is kept and continues there."
    />
  );
}
