/**
 * A Kysely plugin that cleans every value a query sends (see `core/clean-text.ts`): whatever path
 * text took to the store — chat, a dashboard form, an uploaded file's name, a JSON column — a NUL
 * or a lone surrogate never makes the write fail.
 */
import { OperationNodeTransformer, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type PrimitiveValueListNode, type QueryResult, type RootOperationNode, type UnknownRow, type ValueNode } from 'kysely';
import { cleanDeep, cleanText } from '../core/clean-text.ts';

/** JSON.stringify writes a NUL or a lone surrogate as an escape, which a jsonb column refuses too. */
const ESCAPED = /\\u0000|\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** A value cleaned; a JSON text (a column written with JSON.stringify) cleaned inside its strings. */
function clean(value: unknown): unknown {
  if (typeof value !== 'string') return cleanDeep(value);
  const text = cleanText(value);
  if (!ESCAPED.test(text) || !/^\s*[[{"]/.test(text)) return text;
  try {
    return JSON.stringify(cleanDeep(JSON.parse(text) as unknown));
  } catch {
    return text;
  }
}

class CleanValues extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...node, value: clean(node.value) };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map(clean) };
  }
}

export class CleanTextPlugin implements KyselyPlugin {
  private readonly transformer = new CleanValues();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
