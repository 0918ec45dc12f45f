// Maps a user row to its public shape: fields are picked one by one so a password hash can never leak.
import type { UserDto } from './user.schema';

type UserRow = { id: string; email: string; username: string | null; firstName: string; lastName: string; imageId: string | null; createdAt: Date };

export const mediaUrl = (id: string | null) => (id ? `/media/${id}` : null);

export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    firstName: u.firstName,
    lastName: u.lastName,
    image: mediaUrl(u.imageId),
    createdAt: u.createdAt.toISOString(),
  };
}
