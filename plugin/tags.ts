// The tags a user may put on a resource, as the AWS service that holds it accepts them: at most
// 50, keys of 1 to 128 characters and values of at most 256, from a set of characters that
// differs by service, and no key under the `aws:` prefix, which AWS reserves for its own tags.
const tagLimits = { tags: 50, keyLength: 128, valueLength: 256 } as const;

/** The characters a tag may hold besides letters, digits and white space, by service. */
export const tagSymbols = {
  /** DynamoDB's tagging restrictions: `+ - = . _ : /`, and not `@`. */
  dynamodb: '+ - = . _ : /',
  /** Step Functions (and most services): `_ . : / = + - @`. */
  states: '+ - = . _ : / @',
  /** ElastiCache's CloudFormation schema: `_ . / = + : - @`. */
  elasticache: '+ - = . _ : / @',
} as const;

/** DynamoDB and ElastiCache take an empty tag value; Step Functions' CloudFormation schema does not. */
const shortestValue = { dynamodb: 0, states: 1, elasticache: 0 } as const;

// Inside a class under the `u` flag, only syntax characters may be escaped: escape them all.
const characterClass = (symbols: string) =>
  `[\\p{L}\\p{N}\\s${symbols
    .split(' ')
    .map((symbol) => symbol.replace(/[-/\\^$.*+?()[\]{}|]/g, '\\$&'))
    .join('')}]`;

/** The JSON schema of `tags: { key: value }` for a resource of `service`. */
export function tagsSchema<Service extends keyof typeof tagSymbols>(service: Service) {
  const symbols = tagSymbols[service];
  const characters = characterClass(symbols);
  return {
    type: 'object',
    maxProperties: tagLimits.tags,
    propertyNames: {
      type: 'string',
      minLength: 1,
      maxLength: tagLimits.keyLength,
      pattern: `^(?![aA][wW][sS]:)${characters}+$`,
      description: `a tag key is 1 to ${tagLimits.keyLength} letters, digits, spaces and ${symbols}, and does not start with "aws:", which AWS reserves`,
    },
    additionalProperties: {
      type: 'string',
      minLength: shortestValue[service],
      maxLength: tagLimits.valueLength,
      pattern: `^${characters}*$`,
      description: `a tag value is ${shortestValue[service]} to ${tagLimits.valueLength} letters, digits, spaces and ${symbols}`,
    },
  } as const;
}
