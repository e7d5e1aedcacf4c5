// Renames a user the caller has read: the rename holds only if nobody changed the user since.
import { users, type User } from '../users';

export interface RenameUser {
  userId: string;
  name: string;
  /** The version of the user the caller read. */
  version: number;
}

export async function handler({ userId, name, version }: RenameUser): Promise<User> {
  return users.update({ userId }, { set: { name }, expectVersion: version });
}
