import type { BotServices } from './bot-services.js';

/**
 * Services whose index can be replaced while the bot runs: the Slack app holds `services`, which
 * delegates every call to the current services; `swap` installs new ones (built over a new index) in
 * one assignment, so a request sees either the old index or the new one, never a mix. Requests under
 * way finish on the services they started with.
 */
export function swappableServices(initial: BotServices): {
  services: BotServices;
  swap(next: BotServices): void;
} {
  let current = initial;
  const services: BotServices = {
    ask: (question, options) => current.ask(question, options),
    ...(initial.askStream && {
      askStream: (question: string, onText: (text: string) => Promise<void>) =>
        (current.askStream ?? ((q: string) => current.ask(q)))(question, onText),
    }),
    findQuotes: (query) => current.findQuotes(query),
    checkQuote: (request) => current.checkQuote(request),
    summarize: (thread) => current.summarize(thread),
    knowledge: () => current.knowledge(),
    ...(initial.addLink && {
      addLink: (url: string) =>
        current.addLink
          ? current.addLink(url)
          : Promise.resolve({ ok: false as const, reason: 'adding is off' }),
    }),
  };
  return {
    services,
    swap: (next) => {
      current = next;
    },
  };
}
