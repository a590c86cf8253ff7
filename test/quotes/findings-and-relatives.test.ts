import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('findings, relative clauses and subordinate subjects', () => {
  it('credits "the center’s survey … found that" and "a poll by X & Associates, which found that" to their authors', () => {
    const quotes = extract(
      [
        'The Tri-County Housing Research Center released a survey on Monday.',
        'The center’s survey, which reached 1,140 households, found that the share of renters had risen to 47 percent.',
        'The findings track with a separate poll by Carver & Associates, which found that 71 percent of renters supported a cap.',
        'Dana Ortiz found that the job was hard.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'risen to 47 percent').speaker, 'Tri-County Housing Research Center');
    assert.equal(quoteWith(quotes, '71 percent').speaker, 'Carver & Associates');
    // A person finding something out is not reporting it.
    noQuoteWith(quotes, 'the job was hard');
  });

  it('credits ", which argues that …" to the organisation before the comma', () => {
    const quotes = extract(
      'The fund is opposed by the Alliance for Cantonal Responsibility, which argues that the cantons should pay.',
    );
    assert.equal(quoteWith(quotes, 'cantons should pay').speaker, 'Alliance for Cantonal Responsibility');
  });

  it('reads "When X …, it said …" with X as the pronoun’s antecedent, not an earlier organisation', () => {
    const quotes = extract(
      [
        'The Tri-County Housing Research Center said rents rose for six straight years.',
        'When the Brennan Falls Library Board voted last month to close on Sundays, it said the move would save $310,000 a year.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'save $310,000').speaker, 'Brennan Falls Library Board');
  });

  it('reads "the survey" and "according to the poll" as the document already cited, by its author', () => {
    const quotes = extract(
      [
        'According to a poll released Thursday by the Hollins Institute for Public Policy, only 31% of residents trust the utility.',
        'The survey found that nearly half of respondents bought bottled water.',
        'According to the poll, 64% supported a merger.',
        'The findings track with a separate poll by Carver & Associates, which found that 71 percent backed a cap.',
        'The poll also found that a majority of homeowners supported the cap.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'bottled water').speaker, 'Hollins Institute for Public Policy');
    assert.equal(quoteWith(quotes, '64% supported').speaker, 'Hollins Institute for Public Policy');
    assert.equal(quoteWith(quotes, 'majority of homeowners').speaker, 'Carver & Associates');
  });

  it('credits "the report" to nobody when no document has been cited', () => {
    const quotes = extract(
      'According to the report, rents will keep rising. The study found that rents rose.',
    );
    noQuoteWith(quotes, 'keep rising');
    noQuoteWith(quotes, 'rents rose');
  });
  it('credits "the majority" to the appeals court, and a contract’s quoted wording to nobody', () => {
    const quotes = extract(
      [
        'The Ninth Circuit Court of Appeals on Monday revived a suit that the Dane County Circuit Court had dismissed.',
        'The majority held that the warehouse workers could sue as a group.',
        'The contract, the majority wrote, covers “work performed on the premises” and says nothing about deliveries.',
        'A majority of workers said they would join the suit.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'sue as a group').speaker, 'Ninth Circuit Court of Appeals');
    const wording = quotes.find((q) => q.text === 'work performed on the premises');
    assert.equal(wording, undefined, 'the quoted wording is the contract’s, not a quote');
    assert.equal(quoteWith(quotes, 'says nothing about deliveries').kind, 'indirect');
    // "a majority of workers" is no court.
    noQuoteWith(quotes, 'join the suit');
  });
  it('reads "…, the institute found." as the institute’s finding, but not "…, she found."', () => {
    const quotes = extract(
      [
        'The Marlow Policy Institute surveyed 900 drivers in May.',
        'Two in three drivers would pay a toll for a faster lane, the institute found.',
        'Rina Das checked the meters herself. Most of them were broken, she found.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'pay a toll').speaker, 'Marlow Policy Institute');
    noQuoteWith(quotes, 'Most of them were broken');
  });

  it('skips a relative clause that holds an appositive of its own: "X, whose father, Y, opened …, said"', () => {
    const quotes = extract(
      [
        'Colin Petrakis, 31, was charged on Wednesday.',
        'Ellen Castellane, whose father, Vincent Castellane, opened the store in 1972, said the first burglary had cost the family $90,000.',
      ].join('\n'),
    );
    const quote = quoteWith(quotes, 'cost the family');
    assert.equal(quote.speaker, 'Ellen Castellane');
    // "whose father" is the start of the clause, not her role.
    assert.equal(quote.role, null);
  });

  it('reads "the city’s argument that …" as the named city’s, and "the tenants’ claim" as no one’s', () => {
    const quotes = extract(
      [
        'The City of Pellham fined Rosa Almanza 14 times.',
        'The court rejected the city’s argument that her guilty pleas barred her from challenging the rest.',
        'It also rejected the tenants’ claim that the heat was off for weeks.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'guilty pleas barred her').speaker, 'City of Pellham');
    assert.equal(quotes.find((q) => q.text.includes('heat was off'))?.speaker ?? null, null);
  });
});
