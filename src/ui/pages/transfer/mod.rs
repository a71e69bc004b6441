//! Moving the user's data to another device with no network: the sender
//! shows it as a loop of QR codes (`send`), the receiver reads them with
//! its camera and merges what came, after the usual preview (`receive`).

mod receive;
mod send;

pub use receive::ReceivePage;
pub use send::SendPage;
