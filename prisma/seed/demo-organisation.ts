// The demo organisation: "Harbour & Vine", a restaurant group with a dine-in and an online
// journey. Every metric has a `series` key that prisma/seed/demo-story.ts turns into figures.
import type { EntrySource, MetricKind, Role } from "../../lib/domain";

export const DEMO_PASSWORD = "touchline-demo";
export const DEMO_ORGANISATION_NAME = "Harbour & Vine";

export const DEMO_DEPARTMENTS = [
  { slug: "marketing", name: "Marketing", colour: "#7c3aed" },
  { slug: "reservations", name: "Reservations", colour: "#0891b2" },
  { slug: "front-of-house", name: "Front of House", colour: "#2563eb" },
  { slug: "bar", name: "Bar", colour: "#d97706" },
  { slug: "kitchen", name: "Kitchen", colour: "#dc2626" },
  { slug: "facilities", name: "Facilities", colour: "#059669" },
  { slug: "digital", name: "Digital", colour: "#db2777" },
  { slug: "delivery", name: "Delivery", colour: "#65a30d" },
  { slug: "customer-care", name: "Customer Care", colour: "#475569" },
] as const;
export type DemoDepartmentSlug = (typeof DEMO_DEPARTMENTS)[number]["slug"];

export const DEMO_USERS: { email: string; name: string; role: Role; departments: DemoDepartmentSlug[] }[] = [
  { email: "admin@touchline.demo", name: "Avery Admin", role: "ADMIN", departments: [] },
  { email: "exec@touchline.demo", name: "Morgan Lee", role: "EXECUTIVE", departments: [] },
  { email: "kitchen@touchline.demo", name: "Kai Chen", role: "DEPARTMENT_HEAD", departments: ["kitchen"] },
  { email: "foh@touchline.demo", name: "Fran Ortiz", role: "DEPARTMENT_HEAD", departments: ["front-of-house", "bar"] },
  { email: "marketing@touchline.demo", name: "Maya Brooks", role: "DEPARTMENT_HEAD", departments: ["marketing"] },
  { email: "reservations@touchline.demo", name: "Ravi Shah", role: "DEPARTMENT_HEAD", departments: ["reservations"] },
  { email: "facilities@touchline.demo", name: "Femi Adeyemi", role: "DEPARTMENT_HEAD", departments: ["facilities"] },
  { email: "digital@touchline.demo", name: "Dana Kowalski", role: "DEPARTMENT_HEAD", departments: ["digital", "delivery"] },
  { email: "care@touchline.demo", name: "Cleo Martin", role: "DEPARTMENT_HEAD", departments: ["customer-care"] },
  { email: "viewer@touchline.demo", name: "Vic Patel", role: "VIEWER", departments: [] },
];

export type DemoMetric = {
  name: string;
  kind: MetricKind;
  unit: string;
  best: number;
  worst: number;
  target: number;
  warning: number;
  weight?: number;
  source: EntrySource;
  /** Typical sample size per week; none for operational counts. */
  sample?: number;
  /** Name of the generator in demo-story.ts. */
  series: string;
};

export type DemoTouchpoint = {
  name: string;
  department: DemoDepartmentSlug;
  description: string;
  weight?: number;
  momentOfTruth?: boolean;
  metrics: DemoMetric[];
};

export type DemoJourney = {
  name: string;
  slug: string;
  description: string;
  stages: { name: string; touchpoints: DemoTouchpoint[] }[];
};

export const DEMO_JOURNEYS: DemoJourney[] = [
  {
    name: "Dine-in",
    slug: "dine-in",
    description: "From seeing us online to coming back for another meal.",
    stages: [
      {
        name: "Discover",
        touchpoints: [
          {
            name: "Social & search ads",
            department: "marketing",
            description: "Paid social and search campaigns for the restaurants.",
            metrics: [
              { name: "Click-through rate", kind: "PERCENT", unit: "%", best: 4, worst: 0, target: 2.5, warning: 1.8, source: "OPERATIONAL", sample: 40000, series: "adCtr" },
              { name: "Positive social mentions", kind: "PERCENT", unit: "%", best: 100, worst: 0, target: 70, warning: 60, source: "SOCIAL", sample: 300, series: "socialPositive" },
            ],
          },
        ],
      },
      {
        name: "Reserve",
        touchpoints: [
          {
            name: "Phone booking",
            department: "reservations",
            description: "Calls to the booking line.",
            metrics: [
              { name: "Time to answer", kind: "DURATION", unit: "s", best: 5, worst: 120, target: 30, warning: 60, source: "OPERATIONAL", sample: 900, series: "answerTime" },
              { name: "Booking CSAT", kind: "CSAT_PERCENT", unit: "%", best: 100, worst: 0, target: 85, warning: 75, source: "SURVEY", sample: 120, series: "bookingCsat" },
            ],
          },
          {
            name: "Online booking",
            department: "reservations",
            description: "Booking a table on the website.",
            metrics: [
              { name: "Booking effort (CES)", kind: "CES", unit: "points", best: 7, worst: 1, target: 6, warning: 5.2, source: "SURVEY", sample: 150, series: "bookingCes" },
            ],
          },
        ],
      },
      {
        name: "Arrive",
        touchpoints: [
          {
            name: "Host stand welcome",
            department: "front-of-house",
            description: "Greeting and seating guests on arrival.",
            momentOfTruth: true,
            metrics: [
              { name: "Wait to be seated", kind: "DURATION", unit: "min", best: 0, worst: 30, target: 5, warning: 10, source: "OPERATIONAL", sample: 1400, series: "seatWait" },
              { name: "Welcome rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.5, warning: 4.1, source: "SURVEY", sample: 140, series: "welcomeRating" },
            ],
          },
          {
            name: "Entrance & parking",
            department: "facilities",
            description: "Signage, parking and the front door.",
            weight: 0.5,
            metrics: [
              { name: "Entrance rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.3, warning: 3.9, source: "SURVEY", sample: 110, series: "entranceRating" },
            ],
          },
        ],
      },
      {
        name: "Dine",
        touchpoints: [
          {
            name: "Waiter service",
            department: "front-of-house",
            description: "Table service from order to dessert.",
            momentOfTruth: true,
            metrics: [
              { name: "Waiter CSAT", kind: "CSAT_PERCENT", unit: "%", best: 100, worst: 0, target: 88, warning: 80, source: "SURVEY", sample: 160, series: "waiterCsat" },
              { name: "Team engagement", kind: "ENGAGEMENT", unit: "points", best: 100, worst: 0, target: 75, warning: 65, weight: 0.5, source: "EMPLOYEE", sample: 35, series: "fohEngagement" },
            ],
          },
          {
            name: "Drinks",
            department: "bar",
            description: "Drinks from the bar, at the table and at the counter.",
            metrics: [
              { name: "Drink wait", kind: "DURATION", unit: "min", best: 2, worst: 20, target: 6, warning: 9, source: "OPERATIONAL", sample: 2100, series: "drinkWait" },
              { name: "Drink rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.4, warning: 4.0, source: "SURVEY", sample: 130, series: "drinkRating" },
            ],
          },
          {
            name: "Food",
            department: "kitchen",
            description: "The food on the plate: quality, temperature, timing.",
            momentOfTruth: true,
            weight: 1.5,
            metrics: [
              { name: "Food rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.4, warning: 4.0, source: "SURVEY", sample: 170, series: "foodRating" },
              { name: "Ticket time", kind: "DURATION", unit: "min", best: 8, worst: 40, target: 15, warning: 20, source: "OPERATIONAL", sample: 1800, series: "ticketTime" },
              { name: "Food complaints", kind: "COUNT", unit: "complaints", best: 0, worst: 30, target: 3, warning: 8, source: "OPERATIONAL", series: "foodComplaints" },
            ],
          },
          {
            name: "Dining room cleanliness",
            department: "facilities",
            description: "Tables, floors and restrooms during service.",
            metrics: [
              { name: "Cleanliness rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.5, warning: 4.1, source: "SURVEY", sample: 140, series: "cleanRating" },
              { name: "Restroom checks missed", kind: "COUNT", unit: "checks", best: 0, worst: 20, target: 2, warning: 5, source: "OPERATIONAL", series: "restroomMissed" },
            ],
          },
        ],
      },
      {
        name: "Pay & leave",
        touchpoints: [
          {
            name: "Bill & payment",
            department: "front-of-house",
            description: "Asking for the bill, paying and saying goodbye.",
            metrics: [
              { name: "Time to pay", kind: "DURATION", unit: "min", best: 1, worst: 15, target: 4, warning: 7, source: "OPERATIONAL", sample: 1300, series: "payTime" },
            ],
          },
        ],
      },
      {
        name: "Return",
        touchpoints: [
          {
            name: "Loyalty & reviews",
            department: "marketing",
            description: "Would guests recommend us, and what they write afterwards.",
            metrics: [
              { name: "Net Promoter Score", kind: "NPS", unit: "NPS", best: 100, worst: -100, target: 45, warning: 30, source: "SURVEY", sample: 220, series: "dineNps" },
              { name: "Review rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.5, warning: 4.2, source: "REVIEW", sample: 60, series: "reviewRating" },
            ],
          },
        ],
      },
    ],
  },
  {
    name: "Online order",
    slug: "online-order",
    description: "Ordering delivery from our website and app.",
    stages: [
      {
        name: "Discover",
        touchpoints: [
          {
            name: "Delivery-app ads",
            department: "marketing",
            description: "Promotions inside delivery apps and search.",
            metrics: [
              { name: "Click-through rate", kind: "PERCENT", unit: "%", best: 5, worst: 0, target: 3, warning: 2, source: "OPERATIONAL", sample: 60000, series: "deliveryAdCtr" },
            ],
          },
        ],
      },
      {
        name: "Browse",
        touchpoints: [
          {
            name: "Website & app",
            department: "digital",
            description: "Menu pages on the website and in the app.",
            metrics: [
              { name: "Page load time", kind: "DURATION", unit: "s", best: 1, worst: 8, target: 2.5, warning: 4, source: "OPERATIONAL", sample: 25000, series: "pageLoad" },
              { name: "Menu effort (CES)", kind: "CES", unit: "points", best: 7, worst: 1, target: 5.8, warning: 5, source: "SURVEY", sample: 90, series: "menuCes" },
            ],
          },
        ],
      },
      {
        name: "Order",
        touchpoints: [
          {
            name: "Checkout",
            department: "digital",
            description: "Basket, payment and order confirmation.",
            momentOfTruth: true,
            metrics: [
              { name: "Checkout completion", kind: "PERCENT", unit: "%", best: 100, worst: 40, target: 82, warning: 75, source: "OPERATIONAL", sample: 5200, series: "checkoutCompletion" },
              { name: "Order CSAT", kind: "CSAT_PERCENT", unit: "%", best: 100, worst: 0, target: 86, warning: 78, source: "SURVEY", sample: 110, series: "orderCsat" },
            ],
          },
        ],
      },
      {
        name: "Delivery",
        touchpoints: [
          {
            name: "Delivery to the door",
            department: "delivery",
            description: "Courier pick-up to the customer's door.",
            momentOfTruth: true,
            metrics: [
              { name: "Delivery time", kind: "DURATION", unit: "min", best: 20, worst: 75, target: 35, warning: 45, source: "OPERATIONAL", sample: 3100, series: "deliveryTime" },
              { name: "Arrived hot", kind: "PERCENT", unit: "%", best: 100, worst: 50, target: 90, warning: 84, source: "SURVEY", sample: 140, series: "arrivedHot" },
            ],
          },
          {
            name: "Food on delivery",
            department: "kitchen",
            description: "How the food holds up by the time it arrives.",
            metrics: [
              { name: "Delivered food rating", kind: "RATING", unit: "stars", best: 5, worst: 1, target: 4.3, warning: 3.9, source: "SURVEY", sample: 150, series: "deliveredFoodRating" },
            ],
          },
        ],
      },
      {
        name: "Support",
        touchpoints: [
          {
            name: "Support chat",
            department: "customer-care",
            description: "Chat and email help with orders.",
            metrics: [
              { name: "First response time", kind: "DURATION", unit: "min", best: 1, worst: 60, target: 5, warning: 15, source: "OPERATIONAL", sample: 700, series: "firstResponse" },
              { name: "Support CSAT", kind: "CSAT_PERCENT", unit: "%", best: 100, worst: 0, target: 85, warning: 76, source: "SURVEY", sample: 95, series: "supportCsat" },
              { name: "Order complaints", kind: "COUNT", unit: "complaints", best: 0, worst: 120, target: 15, warning: 30, source: "OPERATIONAL", series: "orderComplaints" },
            ],
          },
        ],
      },
    ],
  },
];
