// Onboarding's first step: whether the email's domain is one this service trusts.
const trustedDomains = new Set(['example.com', 'example.org']);

export async function handler({ email }: { email: string }): Promise<{ domain: string; trusted: boolean }> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return { domain, trusted: trustedDomains.has(domain) };
}
