// The one place the plugin's resources and outputs enter the template. Each logical id is
// checked before it is written: unique among the plugin's own (two names that meet after the
// transform to a logical id), not one the template already holds (Serverless' resources, other
// plugins'), not a different resource under the user's `resources:` (which Serverless merges in
// after this), and within CloudFormation's length limit. Otherwise one resource would silently
// replace another.
import type { CfnOutput, CfnResource, CfnTemplate } from './cloudformation';
import { StatefulConfigError } from './errors';
import type { UserResources } from './serverless';

/** CloudFormation's limit on a logical id (its quotas page: "Resource name ... 255 characters"). */
export const maxLogicalIdLength = 255;

type Section = 'Resources' | 'Outputs';

export class TemplateWriter {
  /** Who claimed each logical id: the config path it comes from. */
  private readonly owners: Record<Section, Map<string, string>> = { Resources: new Map(), Outputs: new Map() };

  constructor(
    private readonly template: CfnTemplate,
    private readonly userResources: UserResources | undefined,
  ) {}

  /** Adds `resource` as `logicalId`, coming from config path `source`. */
  addResource(logicalId: string, resource: CfnResource, source: string): void {
    this.claim('Resources', logicalId, source);
    const written = this.userResources?.Resources?.[logicalId];
    if (written && typeof written.Type === 'string' && written.Type !== resource.Type) {
      throw new StatefulConfigError(
        'STATE_NAME_TAKEN',
        `resources.Resources.${logicalId} and ${source} both compile to ${logicalId}: yours is a ${written.Type}, the plugin's a ${resource.Type}, and Serverless merges resources: into the generated template, so the two would become one. Rename the one under resources:, or rename ${source}. (To change the plugin's resource, give yours Type ${resource.Type} or use resources.extensions.)`,
      );
    }
    // A copy: kinds share constants between resources (a VPC ref, a policy ARN), and a later
    // plugin that edits one resource in place must not edit the others with it.
    this.template.Resources[logicalId] = structuredClone(resource);
  }

  /** Adds `output` as `logicalId`, coming from config path `source`. */
  addOutput(logicalId: string, output: CfnOutput, source: string): void {
    this.claim('Outputs', logicalId, source);
    this.template.Outputs ??= {};
    this.template.Outputs[logicalId] = structuredClone(output);
  }

  private claim(section: Section, logicalId: string, source: string): void {
    const what = section === 'Outputs' ? 'the output ' : '';
    if (logicalId.length > maxLogicalIdLength) {
      throw new StatefulConfigError(
        'STATE_NAME_TOO_LONG',
        `${source}: its logical id ${what}"${logicalId}" is ${logicalId.length} characters; CloudFormation allows ${maxLogicalIdLength}. Shorten the name.`,
      );
    }
    const owner = this.owners[section].get(logicalId);
    if (owner !== undefined) {
      // A logical id a config chose (a table's logicalId) is not derived from a name.
      const chosen = [owner, source].find((path) => path.endsWith('.logicalId'));
      const fix = chosen
        ? `Choose another ${chosen}.`
        : 'A logical id joins the names with their first letters upper-cased and drops what is not a letter or digit; rename one of them.';
      throw new StatefulConfigError(
        'STATE_NAME_TAKEN',
        `${owner} and ${source} both compile to ${what}${logicalId}, so one would replace the other. ${fix}`,
      );
    }
    const existing = this.template[section]?.[logicalId];
    if (existing !== undefined) {
      const type = section === 'Resources' ? ` (${(existing as CfnResource).Type})` : '';
      throw new StatefulConfigError(
        'STATE_NAME_TAKEN',
        `${source} compiles to ${what}${logicalId}, which the template already holds${type}: Serverless or another plugin generated it for something else. ${source.endsWith('.logicalId') ? 'Choose another' : 'Rename'} ${source}.`,
      );
    }
    this.owners[section].set(logicalId, source);
  }
}
