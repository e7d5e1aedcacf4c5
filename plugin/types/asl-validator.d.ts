// asl-validator ships no type declarations; this is the part of its API the plugin uses.
declare module 'asl-validator' {
  interface AslValidationError {
    'Error code': string;
    Message: string;
    schemaError?: { instancePath?: string };
  }
  function validator(definition: unknown): { isValid: boolean; errors: AslValidationError[] };
  export = validator;
}
