// A user by email address, through the byEmail index.
import { users, type User } from '../users';

export async function handler({ email }: { email: string }): Promise<User | undefined> {
  for await (const user of users.query({ email: email.toLowerCase() }, { index: 'byEmail', limit: 1 })) return user;
  return undefined;
}
