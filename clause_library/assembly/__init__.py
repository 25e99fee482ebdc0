"""The assembly stage, between the model and every edition: a contract as one numbered document
with its references, fields, grounds and signatories resolved (`assemble`), and a clause on its own
(`clause_blocks`)."""

from clause_library.assembly.assemble import ContractProblem, assemble
from clause_library.assembly.document import AssembledContract, Block, Paragraph, Run, Section, Table, block_text
from clause_library.assembly.resolve import clause_blocks, clause_text

__all__ = ["assemble", "ContractProblem", "AssembledContract", "Block", "Paragraph", "Run", "Section", "Table",
           "block_text", "clause_blocks", "clause_text"]
