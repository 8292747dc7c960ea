pub mod layout;
pub mod vaccination_list;
