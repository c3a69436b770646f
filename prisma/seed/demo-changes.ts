// Process changes in the demo, each lined up with an event in the story (demo-story.ts) and
// recorded by the head of the department that made it, so the charts show markers where the
// figures turn. `week` counts from the oldest demo week (0), `day` from its Monday.
import type { FiveHowAnswers } from "../../lib/validation/process-change";
import { DEMO_WEEKS, SLOWDOWN_START } from "./demo-story";

export type DemoChange = { title: string; week: number; day: number; author: string; touchpoints: string[]; answers: FiveHowAnswers };

export const DEMO_CHANGES: DemoChange[] = [
  {
    // The website rebuild is halfway: checkout completion climbs from here.
    title: "One-page checkout on the website and app",
    week: 10,
    day: 1,
    author: "digital@touchline.demo",
    touchpoints: ["Checkout", "Website & app"],
    answers: {
      impact: "Ordering takes one page instead of four, and returning customers' address and payment are remembered.",
      customerView: "A shorter checkout: basket, address and payment on one screen, with the delivery time shown before paying.",
      customerResponse: "More orders completed and fewer abandoned baskets; a few regulars may look for the old layout.",
      customerFindsOut: "A banner on the menu page for two weeks, then the new checkout at their next order.",
      customerFeedback: "The post-order effort survey, and the support chat for anyone who gets stuck.",
    },
  },
  {
    // The kitchen slowdown's peak ends: ticket times recover from this week (kitchenStress, t = 11).
    title: "Second expediter on the pass at dinner service",
    week: SLOWDOWN_START + 11,
    day: 2,
    author: "kitchen@touchline.demo",
    touchpoints: ["Food", "Food on delivery"],
    answers: {
      impact: "Tickets leave the pass faster at the dinner peak, so plates reach tables, and riders, sooner and hotter.",
      customerView: "Less waiting between courses; the whole table's food arrives together, and deliveries arrive hot.",
      customerResponse: "Food ratings and waiter CSAT should recover over a few weeks, with fewer complaints about cold or late food.",
      customerFindsOut: null,
      customerFeedback: "The food rating on the table survey, delivery-app ratings, and complaints logged by front of house.",
    },
  },
  {
    // Facilities start slipping in the last eight weeks: restroom checks are missed from here.
    title: "Restroom checks handed to the cleaning contractor",
    week: DEMO_WEEKS - 9,
    day: 3,
    author: "facilities@touchline.demo",
    touchpoints: ["Dining room cleanliness"],
    answers: {
      impact: "Restrooms are checked every two hours by the contractor's crew instead of hourly by our floor staff.",
      customerView: "It should look the same: clean restrooms, with a signed checklist on the door.",
      customerResponse: "Little reaction while standards hold; cleanliness ratings would fall quickly if they slip.",
      customerFindsOut: null,
      customerFeedback: "The cleanliness rating on the table survey, and the QR code on the restroom checklist.",
    },
  },
];
