import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { IsoDate, notFound } from '@pl/domain';
import { DirectiveBoard, DirectiveBoardDoc, ReadModels, boardAsOf, directiveBoard } from '@pl/projections';

/** A directive's board on a date; overdue is computed here, from the document, never in the projection. */
export class GetDirectiveBoard extends Query<DirectiveBoard> {
  constructor(readonly directiveId: string, readonly asOf: IsoDate) {
    super();
  }
}

@QueryHandler(GetDirectiveBoard)
export class GetDirectiveBoardHandler implements IQueryHandler<GetDirectiveBoard, DirectiveBoard> {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  async execute({ directiveId, asOf }: GetDirectiveBoard): Promise<DirectiveBoard> {
    const doc = await (await this.readModels.live<DirectiveBoardDoc>(directiveBoard)).get(directiveId);
    if (!doc) throw notFound('DIRECTIVE_NOT_FOUND', `directive ${directiveId} is not on the board`, { directiveId });
    return boardAsOf(doc, asOf);
  }
}
