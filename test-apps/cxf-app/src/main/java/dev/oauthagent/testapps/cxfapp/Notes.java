package dev.oauthagent.testapps.cxfapp;

import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * The SOAP service the program calls: hands a note to the service (document/literal, bare), whose answer is an
 * envelope with an empty body, as for any operation without output. No WSDL is fetched: the client is built from
 * this interface and an address.
 */
@WebService(name = "Notes", targetNamespace = Notes.NAMESPACE)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface Notes {
    String NAMESPACE = "urn:oauth-agent:test-apps:notes";

    void record(@WebParam(name = "note", targetNamespace = NAMESPACE) String note);
}
