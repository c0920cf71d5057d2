/** One call of the contract: its request and response types. */
export interface Call<Req, Res> {
  request: Req;
  response: Res;
}
